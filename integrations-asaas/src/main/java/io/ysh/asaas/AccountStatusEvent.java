package io.ysh.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;

/**
 * An {@code ACCOUNT_STATUS_…} event with the onboarding status of the account or subaccount typed
 * (docs.asaas.com "Eventos para verificar situação da conta" / "Account status events": the body
 * carries {@code accountStatus}, read as the same {@link AccountStatus} that
 * {@link Accounts#status()} answers). An account status event whose status cannot be read arrives
 * as an {@link OtherEvent} with the raw JSON instead.
 *
 * @param id the event id; dedupe by it
 * @param type the event, {@link AccountStatusEventType#UNKNOWN} when this SDK does not know it
 * @param rawEvent the event name as sent
 * @param dateCreated when Asaas created the event (Brazil local time), or null
 * @param accountStatus the account's onboarding status as it was when the event was created
 * @param raw the whole body
 */
public record AccountStatusEvent(
    String id, AccountStatusEventType type, String rawEvent, LocalDateTime dateCreated, AccountStatus accountStatus, JsonNode raw)
    implements WebhookEvent {}
