package io.mobim.billing.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The billing team's view of subscribers' plans. */
public interface AccountRepository extends JpaRepository<Account, Account.Key> {

    List<Account> findByMsisdnOrderByValidFromAsc(String msisdn);
}
