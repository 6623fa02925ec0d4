package io.ysh.aneel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The energy price of a distributor, subgroup, modality, class and subclass on a date: one
 * {@link PostPrice} per tariff post (one for Convencional, three for Branca).
 *
 * @param query the query
 * @param distributorCnpj the distributor's CNPJ
 * @param distributorAcronym the acronym it bore on the query's date
 * @param posts the price per post
 * @param flag the month's flag activation, or null when the query excluded flags or the month
 *     predates flags (2015)
 */
public record EnergyPrice(
    TariffQuery query, String distributorCnpj, String distributorAcronym, List<PostPrice> posts, TariffFlagActivation flag)
    implements EnergyPriceResult {

  /**
   * Copies the post list.
   *
   * @param query see the record
   * @param distributorCnpj see the record
   * @param distributorAcronym see the record
   * @param posts see the record
   * @param flag see the record
   */
  public EnergyPrice {
    posts = List.copyOf(posts);
  }

  /**
   * The flag applied.
   *
   * @return the activation, if a flag was applied
   */
  public Optional<TariffFlagActivation> appliedFlag() {
    return Optional.ofNullable(flag);
  }

  /**
   * The only post's price.
   *
   * @return the price
   * @throws IllegalStateException when there are several posts (Branca): use {@link #post(String)}
   */
  public PostPrice single() {
    if (posts.size() != 1) {
      throw new IllegalStateException("the price has " + posts.size() + " posts: " + posts.stream().map(PostPrice::post).toList());
    }
    return posts.get(0);
  }

  /**
   * The price of a post, matched ignoring case and accents.
   *
   * @param post such as "Fora ponta"
   * @return the price, if the result has that post
   */
  public Optional<PostPrice> post(String post) {
    String k = Texts.key(post);
    return posts.stream().filter(p -> Texts.key(p.post()).equals(k)).findFirst();
  }

  /**
   * The same tariff with another flag, for example the previous month's when this month's is not
   * published yet (a choice the caller makes explicitly).
   *
   * @param activation the flag to apply, or null for none
   * @return the recomputed price
   */
  public EnergyPrice withFlag(TariffFlagActivation activation) {
    BigDecimal flagPerKwh = activation == null ? BigDecimal.ZERO : activation.surchargePerKwh();
    List<PostPrice> out = new ArrayList<>(posts.size());
    for (PostPrice p : posts) {
      BigDecimal total = p.energyPerKwh().add(flagPerKwh);
      out.add(
          new PostPrice(
              p.post(), p.source(), p.energyPerKwh(), flagPerKwh, total, query.taxes() == null ? null : query.taxes().grossUp(total), p.fioB()));
    }
    return new EnergyPrice(query, distributorCnpj, distributorAcronym, out, activation);
  }
}
