package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notifications on the strict simulator: every customer has the eight default notifications
 * (disabled when created with notificationDisabled), an update and a batch change them and the
 * change is listed again, a schedule offset the event does not accept is refused, and a batch
 * with another customer's notification changes nothing.
 */
class NotificationsSimulatorTest {

  private final AsaasClient asaas = Sim.client();

  private String customer(boolean disabled) {
    return asaas.customers().create(CustomerRequest.builder().name("Cliente Notificado").cpfCnpj(Docs.cpf())
        .notificationDisabled(disabled).build()).id();
  }

  private static Notification find(List<Notification> all, NotificationEvent event, int offset) {
    return all.stream().filter(n -> n.event() == event && n.scheduleOffset() == offset).findFirst().orElseThrow();
  }

  @Test
  void defaultsAreListedAndAnUpdateIsKept() {
    String c = customer(false);
    List<Notification> all = asaas.notifications().stream(c).toList();
    assertThat(all).hasSize(8).allSatisfy(n -> {
      assertThat(n.customer()).isEqualTo(c);
      assertThat(n.enabled()).isTrue();
      assertThat(n.event()).isNotEqualTo(NotificationEvent.UNKNOWN);
    });
    assertThat(all).extracting(Notification::event).contains(NotificationEvent.PAYMENT_CREATED, NotificationEvent.SEND_LINHA_DIGITAVEL);
    assertThat(asaas.notifications().list(c, 0, 3).data()).hasSize(3);

    Notification warning = find(all, NotificationEvent.PAYMENT_DUEDATE_WARNING, 10);
    Notification changed = asaas.notifications().update(warning.id(), NotificationUpdate.builder().scheduleOffset(5)
        .whatsappEnabledForCustomer(true).build());
    assertThat(changed.scheduleOffset()).isEqualTo(5);
    assertThat(changed.whatsappEnabledForCustomer()).isTrue();
    assertThat(changed.enabled()).as("untouched").isTrue();
    assertThat(find(asaas.notifications().stream(c).toList(), NotificationEvent.PAYMENT_DUEDATE_WARNING, 5).id()).isEqualTo(warning.id());

    Notification received = find(all, NotificationEvent.PAYMENT_RECEIVED, 0);
    assertThatThrownBy(() -> asaas.notifications().update(received.id(), NotificationUpdate.builder().scheduleOffset(7).build()))
        .isInstanceOf(AsaasInvalidRequestException.class).hasMessageContaining("scheduleOffset");
  }

  @Test
  void aBatchChangesSeveralAndRefusesAnotherCustomersNotification() {
    String c = customer(true);
    List<Notification> all = asaas.notifications().stream(c).toList();
    assertThat(all).hasSize(8).allSatisfy(n -> assertThat(n.enabled()).as("notificationDisabled").isFalse());
    Map<String, NotificationUpdate> updates = new LinkedHashMap<>();
    Notification created = find(all, NotificationEvent.PAYMENT_CREATED, 0);
    Notification overdue = find(all, NotificationEvent.PAYMENT_OVERDUE, 7);
    updates.put(created.id(), NotificationUpdate.builder().enabled(true).smsEnabledForCustomer(false).build());
    updates.put(overdue.id(), NotificationUpdate.builder().enabled(true).scheduleOffset(15).build());
    List<Notification> changed = asaas.notifications().updateBatch(c, updates);
    assertThat(changed).extracting(Notification::id).containsExactly(created.id(), overdue.id());
    List<Notification> again = asaas.notifications().stream(c).toList();
    assertThat(again).filteredOn(Notification::enabled).extracting(Notification::id).containsExactlyInAnyOrder(created.id(), overdue.id());
    assertThat(find(again, NotificationEvent.PAYMENT_OVERDUE, 15).id()).isEqualTo(overdue.id());

    String other = customer(false);
    Notification foreign = asaas.notifications().list(other, 0, 1).data().get(0);
    Map<String, NotificationUpdate> mixed = new LinkedHashMap<>();
    mixed.put(created.id(), NotificationUpdate.builder().enabled(false).build());
    mixed.put(foreign.id(), NotificationUpdate.builder().enabled(false).build());
    assertThatThrownBy(() -> asaas.notifications().updateBatch(c, mixed)).isInstanceOf(AsaasInvalidRequestException.class);
    assertThat(asaas.notifications().stream(c).filter(n -> n.id().equals(created.id())).findFirst().orElseThrow().enabled())
        .as("a refused batch changes nothing").isTrue();
  }
}
