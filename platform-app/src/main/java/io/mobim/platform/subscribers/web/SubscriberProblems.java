package io.mobim.platform.subscribers.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberAlreadyExists;
import io.mobim.platform.subscribers.SubscriberNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Subscriber API errors as problem+json documents (RFC 9457) that say what was wrong. */
@RestControllerAdvice(assignableTypes = SubscriberController.class)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
class SubscriberProblems {

    @ExceptionHandler(InvalidSubscriberData.class)
    ProblemDetail invalid(InvalidSubscriberData e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid subscriber data");
        p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(Msisdn.InvalidMsisdn.class)
    ProblemDetail invalidNumber(Msisdn.InvalidMsisdn e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid phone number");
        p.setProperty("field", "msisdn");
        return p;
    }

    @ExceptionHandler(SubscriberNotFound.class)
    ProblemDetail notFound(SubscriberNotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("No such subscriber");
        return p;
    }

    @ExceptionHandler(SubscriberAlreadyExists.class)
    ProblemDetail exists(SubscriberAlreadyExists e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Subscriber exists");
        return p;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrent(ObjectOptimisticLockingFailureException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "the subscriber was changed concurrently; read it again and retry");
        p.setTitle("Concurrent change");
        return p;
    }
}
