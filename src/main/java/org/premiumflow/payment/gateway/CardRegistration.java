package org.premiumflow.payment.gateway;

import java.time.YearMonth;
import org.premiumflow.paymentmethod.CardBrand;

/** What the processor returns for a card: the token to charge it by, and what may be shown of it. */
public record CardRegistration(String token, CardBrand brand, String lastFour, YearMonth expiry) {
}
