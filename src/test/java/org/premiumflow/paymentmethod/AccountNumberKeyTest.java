package org.premiumflow.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.premiumflow.startup.StartupProblem;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Where the key for bank account numbers comes from, and what happens when it is missing or wrong. */
class AccountNumberKeyTest {

    private final AccountNumberKey provider = new AccountNumberKey();
    private final BankAccountNumber account = new BankAccountNumber("000123456789");

    @Test
    void onEmbeddedDefaultsAKeyFileIsCreatedOnceReadableOnlyByItsOwnerAndUsedFromThenOn(@TempDir Path data) throws Exception {
        Path keyFile = data.resolve("keys/account-number.key");

        String stored = provider.accountNumberCipher(new EncryptionKeyProperties(null, keyFile)).encrypt(account);
        AccountNumberCipher afterRestart = provider.accountNumberCipher(new EncryptionKeyProperties(null, keyFile));

        assertThat(afterRestart.decrypt(stored)).isEqualTo(account);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.list(keyFile.getParent())).as("no draft left behind").containsExactly(keyFile);
    }

    @Test
    void aConfiguredKeyWinsOverTheFile(@TempDir Path data) {
        String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        String stored = provider.accountNumberCipher(new EncryptionKeyProperties(key, null)).encrypt(account);

        assertThat(provider.accountNumberCipher(new EncryptionKeyProperties(key, data.resolve("unused.key"))).decrypt(stored))
                .isEqualTo(account);
        assertThat(data.resolve("unused.key")).doesNotExist();
    }

    @Test
    void withoutKeyOrFileTheApplicationDoesNotStartAndSaysHowToMakeAKey() {
        assertThatThrownBy(() -> provider.accountNumberCipher(new EncryptionKeyProperties("", null)))
                .isInstanceOfSatisfying(StartupProblem.class, problem -> assertThat(problem.action()).contains("openssl rand -base64 32"));
    }

    @Test
    void aKeyOfTheWrongLengthOrNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> provider.accountNumberCipher(new EncryptionKeyProperties("c2hvcnQ=", null)))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("5 bytes instead of 32").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> provider.accountNumberCipher(new EncryptionKeyProperties("not base64!", null)))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("not Base64").hasMessageNotContaining("not base64!");
    }

    @Test
    void theCamundaProfilesEmptyKeyFileSettingMeansNoFile() {
        EncryptionKeyProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "premiumflow.payment-methods.encryption-key", "",
                "premiumflow.payment-methods.encryption-key-file", "")))
                .bindOrCreate("premiumflow.payment-methods", EncryptionKeyProperties.class);

        assertThat(properties.encryptionKeyFile()).isNull();
    }
}
