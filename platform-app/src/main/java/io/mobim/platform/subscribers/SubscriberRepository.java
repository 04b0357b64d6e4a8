package io.mobim.platform.subscribers;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubscriberRepository extends JpaRepository<Subscriber, String> {

    /** Subscribers whose number contains {@code number} or whose lower-cased nickname contains {@code nickname} (LIKE patterns). */
    @Query("select s from Subscriber s where s.msisdn like :number escape '\\' or lower(s.nickname) like :nickname escape '\\'")
    Page<Subscriber> search(@Param("number") String number, @Param("nickname") String nickname, Pageable page);
}
