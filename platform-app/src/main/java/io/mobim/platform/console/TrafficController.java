package io.mobim.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Network operations' traffic page: rates, delivery ratio, submit latency, SMS-C binds and throughput, Kafka consumer
 * lag, outbox backlog and dead letters, from the platform's own meters ({@link TrafficSampler}). The figures part of
 * the page is fetched again at every sample interval.
 */
@Controller
@RequestMapping("/console/traffic")
class TrafficController {

    private final TrafficSampler sampler;
    private final ConsoleSettings settings;

    TrafficController(TrafficSampler sampler, ConsoleSettings settings) {
        this.sampler = sampler;
        this.settings = settings;
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        return "console/traffic";
    }

    /** The figures alone, which the page polls. */
    @GetMapping("/live")
    String live(Model model) {
        fill(model);
        return "console/traffic :: live";
    }

    private void fill(Model model) {
        model.addAttribute("t", TrafficView.of(sampler));
        model.addAttribute("width", TrafficView.WIDTH);
        model.addAttribute("height", TrafficView.HEIGHT);
        model.addAttribute("refresh", "every " + Math.max(1, settings.trafficSampleInterval().toSeconds()) + "s");
    }
}
