package io.mobim.smpp.kafka;

import io.mobim.events.Topics;
import io.mobim.smpp.mt.MtSender;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells the MT sender which {@code sms.mt.v1} partitions are this gateway's, so that gateways sharing the ledger each
 * send the MTs of their own partitions. Runs on the consumer's thread, inside its poll: a revoke returns (and the
 * group's rebalance goes on) only once this gateway's submits in flight for those partitions are recorded, so the
 * new owner finds their parts accepted or not sent. Lost partitions (the group moved on without this member) are
 * handled as revoked.
 */
final class MtPartitionOwnership implements ConsumerRebalanceListener {

    private final MtSender sender;

    MtPartitionOwnership(MtSender sender) {
        this.sender = sender;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        List<Integer> mt = mtPartitions(partitions);
        if (!mt.isEmpty()) {
            sender.partitionsAssigned(mt);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        List<Integer> mt = mtPartitions(partitions);
        if (!mt.isEmpty()) {
            sender.partitionsRevoked(mt);
        }
    }

    private static List<Integer> mtPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(Topics.SMS_MT)).map(TopicPartition::partition).toList();
    }
}
