package io.mobim.platform.subscribers;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberRepository extends JpaRepository<Subscriber, String> {
}
