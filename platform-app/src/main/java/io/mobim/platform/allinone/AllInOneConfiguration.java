package io.mobim.platform.allinone;

import io.mobim.platform.security.ApiUsers;
import io.mobim.smpp.simulator.SmscSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedSettings.class)
class AllInOneConfiguration {

    @Bean
    StartupReport startupReport(ObjectProvider<SmscSimulator> simulator, ObjectProvider<ApiUsers> apiUsers) {
        return new StartupReport(simulator, apiUsers);
    }

    @Bean
    EmbeddedServicesReady.PostgresReady embeddedPostgresReady() {
        return new EmbeddedServicesReady.PostgresReady();
    }

    @Bean
    EmbeddedServicesReady.KafkaReady embeddedKafkaReady() {
        return new EmbeddedServicesReady.KafkaReady();
    }

    @Bean
    static EmbeddedServicesReady.DataSourceWaits dataSourceWaitsForEmbeddedPostgres() {
        return new EmbeddedServicesReady.DataSourceWaits();
    }

    @Bean
    static EmbeddedServicesReady.KafkaAdminWaits kafkaAdminWaitsForEmbeddedBroker() {
        return new EmbeddedServicesReady.KafkaAdminWaits();
    }
}
