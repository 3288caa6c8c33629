package org.premiumflow.paymentmethod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts bank account numbers for storage with AES-256-GCM: a fresh random nonce per value,
 * and the tag makes any tampering fail loudly. Stored as {@code v1:} + Base64(nonce, ciphertext),
 * so a later key or algorithm can be told apart.
 */
public final class AccountNumberCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes of key material */
    public AccountNumberCipher(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("The account number encryption key must be 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public String encrypt(BankAccountNumber number) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(number.reveal().getBytes(StandardCharsets.US_ASCII));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting an account number failed", e);
        }
    }

    public BankAccountNumber decrypt(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not an account number encrypted by this application");
        }
        byte[] packed = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(packed, NONCE_BYTES, packed.length - NONCE_BYTES);
            return new BankAccountNumber(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // The message must not carry the value: a wrong key or a tampered value, nothing more.
            throw new IllegalStateException("An encrypted account number could not be decrypted: wrong key or altered data");
        }
    }
}
