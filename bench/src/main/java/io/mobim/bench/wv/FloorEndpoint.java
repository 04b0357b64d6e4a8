package io.mobim.bench.wv;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP floor of {@link WvLoadBench} ({@code target=floor}): a POST endpoint in the application's own web stack
 * (Tomcat, its servlet filters, a security filter chain like the CSP endpoint's, the dispatcher servlet and a router
 * function) that reads the body and answers an empty 200, as an empty poll is answered. Bench only, never product.
 */
@Configuration(proxyBeanMethods = false)
class FloorEndpoint {

    static final String PATH = "/bench/floor";
    /** The same, answered by a Tomcat valve before the servlet filters and the dispatcher servlet. */
    static final String VALVE_PATH = "/bench/floor-valve";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> benchFloorValve() {
        return factory -> factory.addContextValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                if (!VALVE_PATH.equals(request.getRequestURI())) {
                    getNext().invoke(request, response);
                    return;
                }
                request.getInputStream().readAllBytes();
                response.setStatus(200);
                response.setContentLength(0);
            }
        });
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain benchFloorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(PATH)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    RouterFunction<ServerResponse> benchFloorRoute() {
        return RouterFunctions.route().POST(PATH, request -> {
            request.servletRequest().getInputStream().readAllBytes();
            return ServerResponse.ok().build();
        }).build();
    }
}
