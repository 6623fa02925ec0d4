package io.ysh.examples.spring;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API of quote-to-cash.
 *
 * <ul>
 *   <li>{@code GET /tariffs/{distributor}/{date}}: the B1 residential tariff (cached in Redis);
 *   <li>{@code POST /quotes}: prices and stores a quote, 201 with its {@code Location};
 *   <li>{@code POST /quotes/{id}/charge}: the Asaas customer and PIX payment;
 *   <li>{@code GET /quotes/{id}}: the quote as stored ({@code PAID} once Asaas's webhook reported
 *       the payment, see {@link PaymentListener});
 *   <li>{@code GET /orders/{quoteId}}: the installation order the listener made, 404 until then.
 * </ul>
 *
 * <p>SDK errors map to statuses by their portable code: {@code INVALID_ARGUMENT} 400,
 * {@code NOT_FOUND} 404, {@code UNAUTHENTICATED}/{@code PERMISSION_DENIED} and anything else from
 * a provider 502, {@code UNAVAILABLE}/{@code TIMEOUT}/{@code RATE_LIMITED} 503. The body carries
 * the code and the SDK's message, which never holds a secret.
 */
@RestController
public class QuoteController {

  private final QuoteService quotes;
  private final TariffService tariffs;
  private final Documents documents;

  /**
   * Created by Spring.
   *
   * @param quotes quote-to-cash
   * @param tariffs the cached tariff lookup
   * @param documents the stored orders
   */
  public QuoteController(QuoteService quotes, TariffService tariffs, Documents documents) {
    this.quotes = quotes;
    this.tariffs = tariffs;
    this.documents = documents;
  }

  /**
   * The B1 residential tariff.
   *
   * @param distributor acronym or CNPJ
   * @param date the day, ISO
   * @return the tariff
   */
  @GetMapping("/tariffs/{distributor}/{date}")
  public Tariff tariff(@PathVariable String distributor, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return tariffs.b1Residential(distributor, date);
  }

  /**
   * Creates a quote.
   *
   * @param request the customer and consumption
   * @return 201 and the quote
   */
  @PostMapping("/quotes")
  public ResponseEntity<Quote> create(@RequestBody(required = false) QuoteRequest request) {
    Quote quote = quotes.create(request);
    return ResponseEntity.created(URI.create("/quotes/" + quote.id())).body(quote);
  }

  /**
   * Charges a quote on Asaas.
   *
   * @param id the quote
   * @return the charged quote
   */
  @PostMapping("/quotes/{id}/charge")
  public Quote charge(@PathVariable String id) {
    return quotes.charge(id);
  }

  /**
   * A quote.
   *
   * @param id the quote
   * @return the quote
   */
  @GetMapping("/quotes/{id}")
  public Quote quote(@PathVariable String id) {
    return quotes.find(id);
  }

  /**
   * The installation order of a paid quote.
   *
   * @param quoteId the quote
   * @return the order
   */
  @GetMapping("/orders/{quoteId}")
  public OrderEvent order(@PathVariable String quoteId) {
    return documents.order(quoteId).orElseThrow(() -> YshException.of(ErrorCode.NOT_FOUND, "no order for quote " + quoteId));
  }

  /**
   * An SDK error as a status and {@code {"code": ..., "message": ...}}.
   *
   * @param e the error
   * @return the answer
   */
  @ExceptionHandler(YshException.class)
  public ResponseEntity<Map<String, String>> error(YshException e) {
    HttpStatus status = switch (e.code()) {
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case UNAVAILABLE, TIMEOUT, RATE_LIMITED -> HttpStatus.SERVICE_UNAVAILABLE;
      default -> HttpStatus.BAD_GATEWAY;
    };
    return ResponseEntity.status(status).body(Map.of("code", e.code().name(), "message", String.valueOf(e.getMessage())));
  }
}
