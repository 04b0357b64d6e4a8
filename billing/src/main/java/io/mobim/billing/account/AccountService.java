package io.mobim.billing.account;

import io.mobim.billing.plan.PlanService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/** The billing team's changes to subscribers' plans. Rejected events of the subscriber can be recycled after it. */
public class AccountService {

    private final AccountRepository accounts;
    private final PlanService plans;
    private final Clock clock;

    public AccountService(AccountRepository accounts, PlanService plans, Clock clock) {
        this.accounts = accounts;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Puts the subscriber on {@code planId} from {@code validFrom} on (correcting the row if one starts at that
     * instant). The plan must be in the catalogue.
     */
    @Transactional
    public Account assign(String msisdn, String planId, Instant validFrom) {
        if (!plans.catalog().knows(planId)) {
            throw new IllegalArgumentException("unknown tariff plan " + planId);
        }
        Instant now = clock.instant();
        Account row = accounts.findById(new Account.Key(msisdn, validFrom)).orElse(null);
        if (row == null) {
            row = accounts.save(new Account(msisdn, validFrom, planId, Account.Source.API, now));
        } else {
            row.correct(planId, now);
        }
        return row;
    }

    @Transactional(readOnly = true)
    public List<Account> history(String msisdn) {
        return accounts.findByMsisdnOrderByValidFromAsc(msisdn);
    }
}
