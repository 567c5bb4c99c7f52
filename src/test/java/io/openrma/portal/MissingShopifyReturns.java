package io.openrma.portal;

import java.lang.reflect.Proxy;

import io.openrma.integrations.shopify.ShopifyReturns;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * A stand-in for {@link ShopifyReturns} while this branch has no implementation of it (the Shopify mirror's
 * client is on its way in another branch): registered only when no bean implements it, so the app starts for
 * the portal's tests. The portal's test orders are not Shopify's, so the lifecycle never calls it; if it did,
 * the call fails loudly.
 */
class MissingShopifyReturns implements BeanDefinitionRegistryPostProcessor {

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (registry instanceof ConfigurableListableBeanFactory factory
        && factory.getBeanNamesForType(ShopifyReturns.class, true, false).length > 0) {
      return;
    }
    RootBeanDefinition stub = new RootBeanDefinition(ShopifyReturns.class, MissingShopifyReturns::stub);
    registry.registerBeanDefinition("shopifyReturnsStandIn", stub);
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
  }

  private static ShopifyReturns stub() {
    return (ShopifyReturns) Proxy.newProxyInstance(ShopifyReturns.class.getClassLoader(),
        new Class<?>[]{ShopifyReturns.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "toString" -> "MissingShopifyReturns";
              case "hashCode" -> System.identityHashCode(proxy);
              default -> proxy == args[0];
            };
          }
          throw new UnsupportedOperationException("ShopifyReturns." + method.getName()
              + " called in a portal test: no Shopify here");
        });
  }
}
