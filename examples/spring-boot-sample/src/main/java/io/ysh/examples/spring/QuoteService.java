package io.ysh.examples.spring;

import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.BillingType;
import io.ysh.asaas.Customer;
import io.ysh.asaas.CustomerRequest;
import io.ysh.asaas.Payment;
import io.ysh.asaas.PaymentRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.core.json.Json;
import io.ysh.queue.Message;
import io.ysh.queue.Topic;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Quote-to-cash: prices a quote from the cached ANEEL tariff and stores it, charges it on Asaas
 * (customer + PIX payment), and, once Asaas's webhook reports the payment received
 * ({@link PaymentListener}), marks it paid and publishes an {@link OrderEvent} on the
 * {@code orders} topic ({@link #markPaid}).
 */
@Service
public class QuoteService {

  /** Daily sun hours × days × performance ratio: the kWh one kWp makes in a month. */
  private static final BigDecimal KWH_PER_KWP_MONTH = new BigDecimal("108");
  private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

  private final TariffService tariffs;
  private final Documents documents;
  private final AsaasClient asaas;
  private final Topic orders;
  private final BigDecimal pricePerKwp;
  private final Clock clock = Clock.system(BRAZIL);

  /**
   * Created by Spring.
   *
   * @param tariffs the cached tariff lookup
   * @param documents the quote and order documents
   * @param asaas the starter's Asaas client ({@code ysh.asaas.*})
   * @param orders the starter's topic {@code ysh.queue.topics.orders.url}
   * @param pricePerKwp {@code sample.price-per-kwp}: the installed price of one kWp, R$
   */
  public QuoteService(TariffService tariffs, Documents documents, AsaasClient asaas, @Qualifier("orders") Topic orders,
      @Value("${sample.price-per-kwp}") BigDecimal pricePerKwp) {
    this.tariffs = tariffs;
    this.documents = documents;
    this.asaas = asaas;
    this.orders = orders;
    this.pricePerKwp = pricePerKwp;
  }

  /**
   * Prices and stores a quote.
   *
   * @param request the customer and their consumption
   * @return the stored quote
   * @throws YshException {@code INVALID_ARGUMENT} naming a missing or bad field; {@code NOT_FOUND}
   *     when ANEEL has no tariff for the distributor that day
   */
  public Quote create(QuoteRequest request) {
    if (request == null) {
      throw YshException.invalidArgument("the request body is required");
    }
    required("customerName", request.customerName());
    required("cpfCnpj", request.cpfCnpj());
    required("distributor", request.distributor());
    if (request.monthlyKwh() == null || request.monthlyKwh().signum() <= 0) {
      throw YshException.invalidArgument("monthlyKwh must be positive");
    }
    LocalDate date = request.date() != null ? request.date() : LocalDate.now(clock);
    Tariff tariff = tariffs.b1Residential(request.distributor().strip(), date);
    BigDecimal bill = request.monthlyKwh().multiply(tariff.pricePerKwh()).setScale(2, RoundingMode.HALF_UP);
    BigDecimal kwp = request.monthlyKwh().divide(KWH_PER_KWP_MONTH, 2, RoundingMode.UP);
    BigDecimal price = kwp.multiply(pricePerKwp).setScale(2, RoundingMode.HALF_UP);
    Quote quote = new Quote("q-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), Quote.QuoteStatus.QUOTED,
        request.customerName().strip(), request.cpfCnpj().replaceAll("\\D", ""), request.email(), tariff,
        request.monthlyKwh(), bill, kwp, price, null, null, null, clock.instant());
    documents.save(quote);
    return quote;
  }

  /**
   * Charges a quote on Asaas: the customer (found by CPF/CNPJ or created) and a PIX payment of the
   * system's price due in three days, whose external reference is the quote's id. A quote already
   * charged is returned as it is.
   *
   * @param id the quote's id
   * @return the charged quote
   * @throws YshException {@code NOT_FOUND} for an unknown quote; Asaas's errors as they come
   */
  public Quote charge(String id) {
    Quote quote = get(id);
    if (quote.status() != Quote.QuoteStatus.QUOTED) {
      return quote;
    }
    Customer customer = asaas.customers().getOrCreate(CustomerRequest.builder().name(quote.customerName())
        .cpfCnpj(quote.cpfCnpj()).email(quote.email()).externalReference(quote.cpfCnpj()).build());
    Payment payment = asaas.payments().create(PaymentRequest.builder().customer(customer.id())
        .billingType(BillingType.PIX).value(Money.of(quote.systemPrice()))
        .dueDate(LocalDate.now(clock).plusDays(3))
        .description("Solar system " + quote.systemKwp() + " kWp, quote " + quote.id())
        .externalReference(quote.id()).build());
    Quote charged = quote.charged(customer.id(), payment.id(), payment.invoiceUrl());
    documents.save(charged);
    return charged;
  }

  /**
   * The quote as stored.
   *
   * @param id the quote's id
   * @return the quote
   * @throws YshException {@code NOT_FOUND} for an unknown quote; {@code INVALID_ARGUMENT} naming
   *     {@code id} when it is blank
   */
  public Quote find(String id) {
    return get(id);
  }

  /**
   * Marks the quote of a received payment paid: the payment's external reference is the quote's
   * id. A charged quote whose payment this is gets its order event published on the
   * {@code orders} topic, then is saved as paid. The event is published before the save, so when
   * the save fails the caller throws, Asaas redelivers the webhook and the event is published
   * again: at least once, and the listener is idempotent. A quote already paid, or a payment that
   * is not a quote's, changes nothing.
   *
   * @param payment the payment from Asaas's webhook event
   * @return whether this call marked a quote paid
   */
  public boolean markPaid(Payment payment) {
    String id = payment.externalReference();
    if (id == null || id.isBlank()) {
      return false;
    }
    Quote quote = documents.quote(id).orElse(null);
    if (quote == null || quote.status() != Quote.QuoteStatus.CHARGED || !payment.id().equals(quote.paymentId())) {
      return false;
    }
    OrderEvent event = new OrderEvent(quote.id(), quote.paymentId(), quote.systemPrice(), clock.instant());
    try {
      orders.publish(Message.builder().body(Json.mapper().writeValueAsBytes(event)).attribute("type", "order.paid").build());
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot write the order event").cause(e).build();
    }
    documents.save(quote.paid());
    return true;
  }

  private Quote get(String id) {
    required("id", id);
    return documents.quote(id).orElseThrow(() -> YshException.of(ErrorCode.NOT_FOUND, "no quote " + id));
  }

  private static void required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw YshException.invalidArgument(name + " is required");
    }
  }
}
