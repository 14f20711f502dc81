package org.conversionkit.model.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BasicAuthTest {

    static List<SpecCase> cases() {
        return Spec.load("feed/basic-auth.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheHeaderValue(SpecCase c) {
        String user = c.get("input").only("user", "password").text("user");
        String password = c.get("input").text("password");
        Node expect = c.expect().only("header", "error");
        if (expect.has("error")) {
            String message = expect.text("error");
            assertThatIllegalArgumentException().isThrownBy(() -> BasicAuth.headerValue(user, password))
                    .withMessageContaining(message)
                    .satisfies(e -> assertThat(password.isEmpty() || !e.getMessage().contains(password)).isTrue());
            return;
        }
        String value = BasicAuth.headerValue(user, password);
        assertThat(value).isEqualTo(expect.text("header"));
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
