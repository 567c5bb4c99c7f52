/**
 * The connection to a Shopify store's Admin GraphQL API (endpoint, access token, rate limits, errors),
 * shared by the modules that read or change the store: the {@code orders} module's Shopify order source
 * now, the return mirrored in Shopify later. Exposed as the named interface {@code shopify}.
 */
@NamedInterface("shopify")
package io.openrma.integrations.shopify;

import org.springframework.modulith.NamedInterface;
