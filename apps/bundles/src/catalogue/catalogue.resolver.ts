import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { TextArg } from '@gap/graphql';
import { CatalogueService } from './catalogue.service.js';
import {
  BundleTemplateType,
  ProductType,
  toProductType,
  toTemplateType,
} from './catalogue.types.js';
import { LifecycleInput, SaveProductInput, SaveTemplateInput } from './dto/catalogue.input.js';

const CODE = { maxLength: 40 };
const ONLY = { nullable: true, description: 'Only this code, every version.' };

/** The catalogue and the bundle templates over the graph: each field one service call. */
@Resolver()
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Query(() => [ProductType], { description: 'Catalogue products, every version, newest first.' })
  async bundleProducts(
    @CurrentCaller() caller: Caller,
    @TextArg('code', CODE, ONLY) code?: string | null,
  ) {
    return (await this.catalogue.products(caller, code)).map(toProductType);
  }

  @Query(() => ProductType, { description: 'A version of a product, or the one on sale.' })
  async bundleProduct(
    @CurrentCaller() caller: Caller,
    @TextArg('code', CODE) code: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ) {
    return toProductType(await this.catalogue.product(caller, code, version));
  }

  @Query(() => [BundleTemplateType], { description: 'Bundle templates, every version.' })
  async bundleTemplates(
    @CurrentCaller() caller: Caller,
    @TextArg('code', CODE, ONLY) code?: string | null,
  ) {
    return (await this.catalogue.templates(caller, code)).map(toTemplateType);
  }

  @Query(() => BundleTemplateType, { description: 'A version of a template, or the one on sale.' })
  async bundleTemplate(
    @CurrentCaller() caller: Caller,
    @TextArg('code', CODE) code: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ) {
    return toTemplateType(await this.catalogue.template(caller, code, version));
  }

  @Mutation(() => ProductType, { description: "Saves the product as its code's next version." })
  async saveBundleProduct(@CurrentCaller() caller: Caller, @Args('input') input: SaveProductInput) {
    return toProductType(await this.catalogue.saveProduct(caller, input));
  }

  @Mutation(() => ProductType, {
    description: 'Puts a version on sale (retiring the one on sale) or retires it.',
  })
  async setBundleProductLifecycle(
    @CurrentCaller() caller: Caller,
    @Args('input') input: LifecycleInput,
  ) {
    return toProductType(await this.catalogue.setProductLifecycle(caller, input));
  }

  @Mutation(() => BundleTemplateType, {
    description: "Saves the template as its code's next version.",
  })
  async saveBundleTemplate(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SaveTemplateInput,
  ) {
    return toTemplateType(await this.catalogue.saveTemplate(caller, input));
  }

  @Mutation(() => BundleTemplateType)
  async setBundleTemplateLifecycle(
    @CurrentCaller() caller: Caller,
    @Args('input') input: LifecycleInput,
  ) {
    return toTemplateType(await this.catalogue.setTemplateLifecycle(caller, input));
  }
}
