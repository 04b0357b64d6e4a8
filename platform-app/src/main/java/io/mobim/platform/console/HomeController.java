package io.mobim.platform.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's sign-in page, its start page (the sections the user may read) and its access-denied page. */
@Controller
class HomeController {

    @GetMapping(ConsoleConfiguration.LOGIN)
    String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "console/home";
    }

    /** Forwarded to by the security chain, with status 403 already set, when a signed-in user may not open a page. */
    @RequestMapping(ConsoleConfiguration.DENIED)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
