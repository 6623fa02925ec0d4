package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.br.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payment link images round-tripped through the strict simulator: the uploaded name, size and
 * extension come back, images are kept per link, at most one is main (setting one unsets the
 * others), a removed image is gone, and an unknown link or image is not found.
 */
class PaymentLinkImagesSimulatorTest {

  private final AsaasClient asaas = Sim.client();
  private PaymentLink link;
  private PaymentLink other;

  @BeforeEach
  void setUp() {
    Sim.SIM.faults().clear();
    link = asaas.paymentLinks().create(PaymentLinkRequest.builder().name("Kit 5 kWp").billingType(BillingType.PIX)
        .chargeType(PaymentLinkChargeType.DETACHED).value(Money.of("9000.00")).build());
    other = asaas.paymentLinks().create(PaymentLinkRequest.builder().name("Kit 8 kWp").billingType(BillingType.PIX)
        .chargeType(PaymentLinkChargeType.DETACHED).value(Money.of("14000.00")).build());
  }

  @Test
  void imagesAreStoredPerLinkWithOneMain() {
    byte[] png = new byte[1234];
    png[0] = (byte) 0x89;
    PaymentLinkImage front = asaas.paymentLinks().addImage(link.id(), "Frente.PNG", png, true);
    assertThat(front.id()).isNotBlank();
    assertThat(front.main()).isTrue();
    assertThat(front.image().originalName()).isEqualTo("Frente.PNG");
    assertThat(front.image().size()).isEqualTo(1234L);
    assertThat(front.image().extension()).isEqualTo("png");
    assertThat(front.image().downloadUrl()).contains(front.id());

    PaymentLinkImage side = asaas.paymentLinks().addImage(link.id(), "lado.jpg", new byte[] {1, 2, 3}, false);
    assertThat(side.main()).isFalse();
    assertThat(side.image().size()).isEqualTo(3L);
    assertThat(asaas.paymentLinks().images(link.id()).data()).extracting(PaymentLinkImage::id).containsExactly(front.id(), side.id());
    assertThat(asaas.paymentLinks().images(other.id()).data()).as("per link").isEmpty();

    PaymentLinkImage main = asaas.paymentLinks().setMainImage(link.id(), side.id());
    assertThat(main.main()).isTrue();
    assertThat(asaas.paymentLinks().image(link.id(), front.id()).main()).as("only one main").isFalse();
    assertThat(asaas.paymentLinks().image(link.id(), side.id()).main()).isTrue();

    PaymentLinkImage third = asaas.paymentLinks().addImage(link.id(), "topo.png", new byte[] {9}, true);
    assertThat(asaas.paymentLinks().images(link.id()).data()).filteredOn(i -> Boolean.TRUE.equals(i.main()))
        .extracting(PaymentLinkImage::id).containsExactly(third.id());

    DeletedResource d = asaas.paymentLinks().deleteImage(link.id(), front.id());
    assertThat(d.deleted()).isTrue();
    assertThat(d.id()).isEqualTo(front.id());
    assertThat(asaas.paymentLinks().images(link.id()).data()).extracting(PaymentLinkImage::id).containsExactly(side.id(), third.id());
    assertThatThrownBy(() -> asaas.paymentLinks().image(link.id(), front.id())).isInstanceOf(AsaasNotFoundException.class);
    assertThatThrownBy(() -> asaas.paymentLinks().image(other.id(), side.id())).as("not another link's").isInstanceOf(AsaasNotFoundException.class);
    assertThatThrownBy(() -> asaas.paymentLinks().addImage("lnk_nao_existe", "a.png", new byte[] {1}, false))
        .isInstanceOf(AsaasNotFoundException.class);
  }
}
