/**
 * The connection to a Shopify store's Admin GraphQL API (endpoint, access token, rate limits, errors),
 * shared by the modules that read or change the store: the {@code orders} module's Shopify order source, and
 * {@link io.openrma.integrations.shopify.ShopifyReturns}, the return mirrored in Shopify (live or simulated).
 * Exposed as the named interface {@code shopify}.
 */
@NamedInterface("shopify")
package io.openrma.integrations.shopify;

import org.springframework.modulith.NamedInterface;
