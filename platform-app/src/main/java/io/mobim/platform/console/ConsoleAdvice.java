package io.mobim.platform.console;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.platform.subscribers.SubscriberAlreadyExists;
import io.mobim.platform.subscribers.SubscriberNotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every console page needs (who is signed in, the menu of the sections they may read) and the console's errors
 * as pages that say what was wrong, with the status a program would expect.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final ConsoleSections sections;

    ConsoleAdvice(ConsoleSections sections) {
        this.sections = sections;
    }

    @ModelAttribute("menu")
    List<ConsoleSection> menu(Authentication user) {
        return sections.readableBy(user);
    }

    @ModelAttribute("userName")
    String userName(Authentication user) {
        return user == null ? null : user.getName();
    }

    @ExceptionHandler(ConsoleSections.NotServedHere.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notServed(ConsoleSections.NotServedHere e, Model model, Authentication user) {
        return problem(model, user, "Not served here", e.getMessage());
    }

    @ExceptionHandler(SubscriberNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(SubscriberNotFound e, Model model, Authentication user) {
        return problem(model, user, "No such subscriber", e.getMessage());
    }

    @ExceptionHandler({InvalidSubscriberData.class, Msisdn.InvalidMsisdn.class, IllegalArgumentException.class,
            DateTimeException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badInput(Exception e, Model model, Authentication user) {
        return problem(model, user, "Not accepted", e.getMessage());
    }

    @ExceptionHandler(SubscriberAlreadyExists.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String exists(SubscriberAlreadyExists e, Model model, Authentication user) {
        return problem(model, user, "Subscriber exists", e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, Model model, Authentication user, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        return problem(model, user, e.getStatusCode().is4xxClientError() ? "Not found" : "Failed", e.getReason());
    }

    /** Exception handlers get a fresh model, without the attributes above: they are added here. */
    private String problem(Model model, Authentication user, String title, String detail) {
        model.addAttribute("menu", menu(user));
        model.addAttribute("userName", userName(user));
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "console/problem";
    }
}
