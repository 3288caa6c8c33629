package org.premiumflow.paymentmethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.premiumflow.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the account number cipher with its key, from configuration or from the local key file. */
@Configuration(proxyBeanMethods = false)
class AccountNumberKey {

    private static final Logger log = LoggerFactory.getLogger(AccountNumberKey.class);

    @Bean
    AccountNumberCipher accountNumberCipher(EncryptionKeyProperties properties) {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            return new AccountNumberCipher(decode(properties.encryptionKey(), "premiumflow.payment-methods.encryption-key"));
        }
        if (properties.encryptionKeyFile() == null) {
            throw new StartupProblem("No key to encrypt bank account numbers is configured",
                    "set premiumflow.payment-methods.encryption-key to the Base64 of 32 random bytes"
                            + " (for example: openssl rand -base64 32).", null);
        }
        return new AccountNumberCipher(readOrCreate(properties.encryptionKeyFile()));
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the key file " + file);
        } catch (IOException e) {
            throw new StartupProblem("Cannot read or create the account number key file " + file + ": " + e.getMessage(),
                    "make its folder writable, or set premiumflow.payment-methods.encryption-key.", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, "key", ".tmp");
        try {
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(draft, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            // Two instances starting at once must end up with one key: the first to link it wins.
            Files.createLink(file, draft);
            log.info("Created a new account number encryption key at {}", file);
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            log.debug("Key file {} was created by another instance", file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new StartupProblem("The account number encryption key in " + source + " is not Base64",
                    "give the Base64 of 32 random bytes (openssl rand -base64 32).", null);
        }
        if (key.length != 32) {
            throw new StartupProblem("The account number encryption key in " + source + " has " + key.length
                    + " bytes instead of 32", "give the Base64 of 32 random bytes (openssl rand -base64 32).", null);
        }
        return key;
    }
}
