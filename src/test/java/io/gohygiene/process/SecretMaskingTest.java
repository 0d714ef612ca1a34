package io.gohygiene.process;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskingTest {

    @Test
    void namesThatLookLikeCredentialsAreMasked() {
        for (String name : List.of("GITHUB_TOKEN", "CI_JOB_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
                "AWS_SESSION_TOKEN", "AWS_PROFILE", "NPM_PASSWORD", "FTP_PASSWD", "GPG_PASSPHRASE",
                "GOOGLE_APPLICATION_CREDENTIALS", "GOAUTH", "NPM_CONFIG__AUTH", "BASIC_AUTH_HEADER", "DEPLOY_KEY",
                "OPENAI_API_KEY", "SIGNING_KEY_ID", "DB_PWD", "SMTP_PASS", "GH_PAT", "SENTRY_DSN", "SLACK_WEBHOOK_URL",
                "AZURE_CLIENT_SECRET", "ARM_CLIENT_ID", "session_cookie", "github_token")) {
            assertTrue(SecretMasking.isCredentialName(name), name);
            assertEquals(SecretMasking.MASK, SecretMasking.value(name, "s3cr3t"), name);
        }
    }

    @Test
    void ordinaryNamesKeepTheirValues() {
        for (String name : List.of("PATH", "HOME", "PWD", "OLDPWD", "GOPATH", "GOCACHE", "GOPROXY", "GOPRIVATE",
                "GOFLAGS", "CGO_LDFLAGS", "KEYBOARD", "LANG", "HTTPS_PROXY", "NO_PROXY", "PASSAGE_DIR")) {
            assertFalse(SecretMasking.isCredentialName(name), name);
            assertEquals("/usr/bin:/bin", SecretMasking.value(name, "/usr/bin:/bin"), name);
        }
    }

    @Test
    void theUserInfoOfAUrlIsMaskedKeepingTheUserName() {
        assertEquals("http://user:***@proxy.corp:3128", SecretMasking.value("HTTPS_PROXY", "http://user:pass@proxy.corp:3128"));
        assertEquals("http://user:***@proxy.corp:3128/", SecretMasking.urls("http://user:p@ss:w0rd@proxy.corp:3128/"),
                "an unencoded @ in the password is masked too");
        assertEquals("https://***@github.com/org/repo", SecretMasking.urls("https://ghp_abc123@github.com/org/repo"),
                "a token as user name");
        assertEquals("https://proxy.golang.org,https://u:***@goproxy.corp|direct",
                SecretMasking.urls("https://proxy.golang.org,https://u:tok@goproxy.corp|direct"), "a GOPROXY list");
        assertEquals("fetch https://u:***@a.example/x failed; retry https://b.example/",
                SecretMasking.urls("fetch https://u:pw@a.example/x failed; retry https://b.example/"), "a URL inside a message");
    }

    @Test
    void valuesWithoutUserInfoAreLeftAlone() {
        for (String value : List.of("https://proxy.golang.org,direct", "git@github.com:org/repo.git", "user@example.com",
                "https://host/path@v1.2.3", "off", "")) {
            assertEquals(value, SecretMasking.urls(value), value);
            assertFalse(SecretMasking.hidesSomething("GOPROXY", value), value);
        }
        assertNull(SecretMasking.value("GITHUB_TOKEN", null));
        assertTrue(SecretMasking.hidesSomething("HTTP_PROXY", "http://a:b@c"));
    }
}
