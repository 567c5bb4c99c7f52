package io.openrma.orders;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What {@link ShopifyOrderSource} reads of Shopify's answers, named as in Shopify's Admin GraphQL API. */
final class ShopifyOrderAnswers {

  private ShopifyOrderAnswers() {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ByName(Nodes<ShopifyOrder> orders) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ById(ShopifyOrder order) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MoreLines(OrderLines order) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderLines(Nodes<LineItem> lineItems) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Nodes<T>(List<T> nodes, PageInfo pageInfo) {
  }

  /** {@code node(id:)} of a line item: its variant and the product's variants. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LineVariants(LineVariant node) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LineVariant(VariantOfProduct variant) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record VariantOfProduct(String id, ProductVariants product) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductVariants(Nodes<ProductVariant> variants) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductVariant(String id, String title, String sku, boolean availableForSale) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PageInfo(boolean hasNextPage, String endCursor) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ShopifyOrder(String id, String name, Instant createdAt, String presentmentCurrencyCode, String email,
      String phone, Customer customer, MailingAddress shippingAddress, MailingAddress billingAddress,
      Nodes<ShippingLine> shippingLines,
      Nodes<LineItem> lineItems, List<Fulfillment> fulfillments, Nodes<ShopifyReturn> returns,
      List<Transaction> transactions) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Customer(String id, String displayName) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MailingAddress(String name, String phone, String address1, String address2, String city,
      String provinceCode, String zip, String countryCodeV2) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ShippingLine(MoneyBag discountedPriceSet) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LineItem(String id, String sku, String title, String name, int quantity,
      MoneyBag discountedUnitPriceAfterAllDiscountsSet, List<TaxLine> taxLines, Product product) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TaxLine(MoneyBag priceSet) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Product(List<String> tags) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Fulfillment(String status, Instant createdAt, Instant deliveredAt,
      Nodes<FulfillmentLineItem> fulfillmentLineItems) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FulfillmentLineItem(int quantity, Ref lineItem) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ShopifyReturn(String id, String status, Nodes<ReturnLineItem> returnLineItems) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnLineItem(int quantity, FulfillmentLineItem fulfillmentLineItem) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ref(String id) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Transaction(String id, String kind, String status, String gateway, String paymentId, MoneyBag amountSet) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MoneyBag(MoneyV2 presentmentMoney) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MoneyV2(String amount, String currencyCode) {
  }
}
