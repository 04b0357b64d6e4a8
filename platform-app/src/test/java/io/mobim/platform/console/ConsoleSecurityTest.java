package io.mobim.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who may open and use which console page, through the application's real filter chains and users: the operator
 * admin everything, the billing team the billing pages only (reading), the clearing team the clearing page only, a
 * metrics scraper nothing; no credentials is 401 for a program and the sign-in page for a browser; a form without its CSRF token is
 * refused even to the admin; signing in with the form opens a session that the pages accept.
 */
@MobimIntegrationTest
class ConsoleSecurityTest {

    private static final String ADMIN = "admin";
    private static final String BILLING = "billing";
    private static final String CLEARING = "clearing";
    private static final String SCRAPER = "scraper";

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        // on the shared context: the application's own security filter chains, not a test configuration
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static String password(String user) {
        return user + "-secret";
    }

    @Test
    void theReadingPagesBelongToTheRolesThatOwnTheirApis() throws Exception {
        String[] adminOnly = {"/console/handsets", "/console/subscribers", "/console/traffic", "/console/traffic/live"};
        String[] billingReads = {"/console/billing", "/console/billing/reconciliation", "/console/billing/bill",
                "/console/billing/plans", "/console/billing/plans/VODAFONE_UK"};
        for (String page : adminOnly) {
            mvc.perform(get(page).with(httpBasic(ADMIN, password(ADMIN)))).andExpect(status().isOk());
            for (String other : new String[] {BILLING, CLEARING, SCRAPER}) {
                mvc.perform(get(page).with(httpBasic(other, password(other)))).andExpect(status().isForbidden());
            }
        }
        for (String page : billingReads) {
            mvc.perform(get(page).with(httpBasic(ADMIN, password(ADMIN)))).andExpect(status().isOk());
            mvc.perform(get(page).with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isOk());
            mvc.perform(get(page).with(httpBasic(CLEARING, password(CLEARING)))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(httpBasic(SCRAPER, password(SCRAPER)))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/console/clearing").with(httpBasic(CLEARING, password(CLEARING)))).andExpect(status().isOk());
        mvc.perform(get("/console/clearing").with(httpBasic(ADMIN, password(ADMIN)))).andExpect(status().isOk());
        mvc.perform(get("/console/clearing").with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isOk());
        mvc.perform(get("/console").with(httpBasic(SCRAPER, password(SCRAPER)))).andExpect(status().isForbidden());
        mvc.perform(get("/console/anything-else").with(httpBasic(ADMIN, password(ADMIN)))).andExpect(status().isForbidden());
    }

    @Test
    void theBillingTeamExportsCsvThroughTheBillingApisOwnCode() throws Exception {
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        MvcResult report = mvc.perform(get("/console/billing/export/reconciliation").param("day", day)
                .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"reconciliation-" + day + ".csv\""))
                .andReturn();
        assertThat(report.getResponse().getContentType()).startsWith("text/csv");
        String number = TestNumbers.next().value();
        mvc.perform(get("/console/billing/export/records").param("msisdn", number).param("period", day.substring(0, 7))
                .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"rated-records-" + day.substring(0, 7) + ".csv\""));
        mvc.perform(get("/console/billing/export/records").param("msisdn", "not a number").param("period", "2026-13")
                .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isBadRequest());
        mvc.perform(get("/console/billing/export/reconciliation").param("day", day)
                .with(httpBasic(CLEARING, password(CLEARING)))).andExpect(status().isForbidden());
    }

    @Test
    void theBillingTeamReadsABillAndThePlansThroughTheBillingApisOwnCode() throws Exception {
        String period = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        String number = TestNumbers.next().value();
        MvcResult bill = mvc.perform(get("/console/billing/bill").param("msisdn", number).param("period", period)
                .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isOk()).andReturn();
        assertThat(bill.getResponse().getContentAsString()).contains("Bill of " + number + " for " + period,
                "No rated record in this period.");
        mvc.perform(get("/console/billing/bill").param("msisdn", "not a number").param("period", period)
                .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isBadRequest());
        mvc.perform(get("/console/billing/bill").param("msisdn", number).param("period", "2026-13")
                .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isBadRequest());
        MvcResult plan = mvc.perform(get("/console/billing/plans/VODAFONE_UK").with(httpBasic(BILLING, password(BILLING))))
                .andExpect(status().isOk()).andReturn();
        assertThat(plan.getResponse().getContentAsString()).contains("VODAFONE_UK v1", "IM_SENT", "0.12");
        mvc.perform(get("/console/billing/plans/NO_SUCH_PLAN").with(httpBasic(BILLING, password(BILLING))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBillingTeamRecomputesTheDaysReconciliationWhichIsComputedInTheBackground() throws Exception {
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var recompute = post("/console/billing/reconciliation").param("day", day);
        mvc.perform(recompute.with(httpBasic(ADMIN, password(ADMIN))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/billing/reconciliation").param("day", day).with(httpBasic(CLEARING, password(CLEARING)))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/billing/reconciliation").param("day", day).with(httpBasic(BILLING, password(BILLING))))
                .andExpect(status().isForbidden()); // no token
        mvc.perform(post("/console/billing/reconciliation").param("day", day).with(httpBasic(BILLING, password(BILLING)))
                .with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/billing/reconciliation?day=" + day));
        // the page answers at once; the report shows once the background computation is done
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            String page = mvc.perform(get("/console/billing/reconciliation").param("day", day)
                    .with(httpBasic(BILLING, password(BILLING)))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).contains("id=\"control-totals\"", "Computed at", "Compute again");
        });
    }

    @Test
    void withoutCredentialsAProgramGets401AndABrowserTheSignInPage() throws Exception {
        mvc.perform(get("/console/subscribers")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic realm=\"mobim\"")));
        mvc.perform(get("/console/subscribers").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/login"));
        // an htmx poll of an expired session is told where to go instead of swapping the sign-in page in
        mvc.perform(get("/console/traffic/live").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/console/login"));
        mvc.perform(get("/console/login")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/console/assets/console.css")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", ConsoleConfiguration.CONTENT_SECURITY_POLICY));
    }

    @Test
    void theFormsBelongToTheirWritersAndNeedTheCsrfToken() throws Exception {
        String number = TestNumbers.next().value();
        var provision = post("/console/subscribers").param("msisdn", number).param("nickname", "Carol");
        mvc.perform(provision.with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post("/console/subscribers").param("msisdn", number).param("nickname", "Carol")
                .with(httpBasic(BILLING, password(BILLING))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/subscribers").param("msisdn", number).param("nickname", "Carol")
                .with(httpBasic(CLEARING, password(CLEARING))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/subscribers").param("msisdn", number).param("nickname", "Carol")
                .with(httpBasic(ADMIN, password(ADMIN)))).andExpect(status().isForbidden()); // no token
        mvc.perform(post("/console/subscribers").param("msisdn", number).param("nickname", "Carol")
                .with(httpBasic(ADMIN, password(ADMIN))).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/subscribers/" + number));
        mvc.perform(post("/console/subscribers/" + number + "/status").param("status", "SUSPENDED")
                .with(httpBasic(BILLING, password(BILLING))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/handsets/send").param("from", number).param("text", "HELP")
                .with(httpBasic(BILLING, password(BILLING))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/subscribers/" + number + "/status").param("status", "SUSPENDED")
                .with(httpBasic(ADMIN, password(ADMIN))).with(csrf())).andExpect(status().isFound());
        MvcResult page = mvc.perform(get("/console/subscribers/" + number).with(httpBasic(ADMIN, password(ADMIN))))
                .andExpect(status().isOk()).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("SUSPENDED");
    }

    @Test
    void signingInWithTheFormOpensASessionThePagesAccept() throws Exception {
        mvc.perform(post("/console/login").param("username", BILLING).param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/console/login?error"));
        MvcResult signedIn = mvc.perform(post("/console/login").param("username", BILLING).param("password", password(BILLING))
                .with(csrf())).andExpect(redirectedUrl("/console")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/console/billing").session(session)).andExpect(status().isOk());
        mvc.perform(get("/console/subscribers").session(session)).andExpect(status().isForbidden());
        MvcResult home = mvc.perform(get("/console").session(session)).andExpect(status().isOk()).andReturn();
        assertThat(home.getResponse().getContentAsString()).contains("Billing").doesNotContain("Virtual handsets");
        mvc.perform(post("/console/logout").session(session).accept(MediaType.TEXT_HTML).with(csrf()))
                .andExpect(redirectedUrl("/console/login?signedOut"));
        mvc.perform(get("/console/billing").session(session)).andExpect(status().isUnauthorized());
    }
}
