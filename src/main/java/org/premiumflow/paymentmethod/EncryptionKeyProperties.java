package org.premiumflow.paymentmethod;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that encrypts bank account numbers comes from: the key itself (Base64 of 32
 * bytes, from a secret store through the environment), or else a key file that is created on
 * first start next to the embedded database. Losing the key makes stored account numbers
 * unreadable, so production configures the key and no file.
 *
 * @param encryptionKey     Base64 of 32 random bytes; wins over the file
 * @param encryptionKeyFile a file holding the Base64 key, created with a fresh key if absent
 */
@ConfigurationProperties("premiumflow.payment-methods")
public record EncryptionKeyProperties(String encryptionKey, Path encryptionKeyFile) {
}
