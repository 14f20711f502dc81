package org.conversionkit.model.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.conversionkit.model.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BasicAuthTest {

    static List<Object[]> cases() {
        return Fixtures.read(BasicAuthTest.class, "basic-auth-cases.tsv", 4);
    }

    @ParameterizedTest(name = "{index}: {0} / {1} -> {2}")
    @MethodSource("cases")
    void buildsTheHeaderValue(String user, String password, String expected, String message) {
        if (expected.equals("ERROR")) {
            assertThatIllegalArgumentException().isThrownBy(() -> BasicAuth.headerValue(user, password))
                    .withMessageContaining(message)
                    .satisfies(e -> assertThat(password.isEmpty() || !e.getMessage().contains(password)).isTrue());
            return;
        }
        String value = BasicAuth.headerValue(user, password);
        assertThat(value).isEqualTo(expected);
        String decoded = new String(Base64.getDecoder().decode(value.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(user + ":" + password);
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> BasicAuth.headerValue(null, "p"));
        assertThatNullPointerException().isThrownBy(() -> BasicAuth.headerValue("u", null));
        assertThat(BasicAuth.HEADER_NAME).isEqualTo("Authorization");
    }
}
