package io.mobim.platform.subscribers.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Provisioning of subscribers from the operator's CRM (role OPERATOR_ADMIN). */
@RestController
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@RequestMapping("/api/v1/subscribers")
@Tag(name = "subscribers", description = "Provisioning of subscribers by the operator")
class SubscriberController {

    private final Subscribers subscribers;

    SubscriberController(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @PostMapping
    @Operation(summary = "Create a subscriber", description = "201 with the subscriber; 409 if the number exists; 400 for bad input")
    ResponseEntity<SubscriberResponse> create(@RequestBody SubscriberRequest request) {
        if (request.msisdn() == null) {
            throw new InvalidSubscriberData("msisdn", "required");
        }
        if (request.nickname() == null) {
            throw new InvalidSubscriberData("nickname", "required");
        }
        Msisdn msisdn = subscribers.parseNumber(request.msisdn());
        SubscriberChanges changes = request.changes();
        var created = subscribers.register(msisdn, request.nickname(), changes);
        return ResponseEntity.created(URI.create("/api/v1/subscribers/" + msisdn.value())).body(SubscriberResponse.of(created));
    }

    @GetMapping
    @Operation(summary = "List subscribers, ordered by number")
    List<SubscriberResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new InvalidSubscriberData("size", "page >= 0 and 1 <= size <= 1000");
        }
        return subscribers.list(page, size).stream().map(SubscriberResponse::of).toList();
    }

    @GetMapping("/{msisdn}")
    @Operation(summary = "Get a subscriber")
    SubscriberResponse get(@PathVariable String msisdn) {
        return SubscriberResponse.of(subscribers.get(subscribers.parseNumber(msisdn)));
    }

    @PatchMapping("/{msisdn}")
    @Operation(summary = "Change a subscriber", description = "absent fields stay as they are; the number cannot change")
    SubscriberResponse update(@PathVariable String msisdn, @RequestBody SubscriberRequest request) {
        Msisdn number = subscribers.parseNumber(msisdn);
        if (request.msisdn() != null && !subscribers.parseNumber(request.msisdn()).equals(number)) {
            throw new InvalidSubscriberData("msisdn", "a subscriber's number cannot change");
        }
        return SubscriberResponse.of(subscribers.update(number, request.changes()));
    }

    @DeleteMapping("/{msisdn}")
    @Operation(summary = "Delete a subscriber", description = "204; their contacts, memberships and sessions go with them")
    ResponseEntity<Void> delete(@PathVariable String msisdn) {
        subscribers.delete(subscribers.parseNumber(msisdn));
        return ResponseEntity.noContent().build();
    }
}
