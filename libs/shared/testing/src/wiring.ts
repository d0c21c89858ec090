import 'reflect-metadata';
import type { Provider, Type } from '@nestjs/common';

type Token = unknown;

/**
 * The module's providers wired by hand, as Nest would, but synchronously and only those asked
 * for: constructor parameter types from the decorator metadata, `@Inject` tokens, `useValue`,
 * `useFactory` and `useExisting`. Specs then build the service exactly as the module does,
 * whatever its features' constructors become.
 */
export class Wiring {
  private readonly instances = new Map<Token, unknown>();
  private readonly definitions = new Map<Token, Provider>();

  constructor(providers: readonly Provider[], values: ReadonlyMap<Token, unknown>) {
    for (const provider of providers) {
      const token = typeof provider === 'function' ? provider : provider.provide;
      this.definitions.set(token, provider);
    }
    for (const [token, value] of values) this.instances.set(token, value);
  }

  get<T>(token: Type<T> | symbol | string): T {
    return this.resolve(token, []) as T;
  }

  private resolve(token: Token, path: readonly Token[]): unknown {
    if (this.instances.has(token)) return this.instances.get(token);
    if (path.includes(token))
      throw new Error(`Dependency cycle: ${[...path, token].map(name).join(' → ')}`);
    const within = [...path, token];
    const definition =
      this.definitions.get(token) ?? (typeof token === 'function' ? token : undefined);
    if (definition === undefined)
      throw new Error(`Nothing provides ${name(token)} (for ${within.map(name).join(' → ')})`);
    let instance: unknown;
    if (typeof definition === 'function') {
      instance = this.construct(definition as Type<unknown>, within);
    } else if ('useValue' in definition) {
      instance = definition.useValue;
    } else if ('useExisting' in definition) {
      instance = this.resolve(definition.useExisting, within);
    } else if ('useFactory' in definition) {
      const deps = (definition.inject ?? []).map((dep) => this.resolve(dep, within));
      instance = (definition.useFactory as (...args: unknown[]) => unknown)(...deps);
    } else {
      instance = this.construct(definition.useClass as Type<unknown>, within);
    }
    this.instances.set(token, instance);
    return instance;
  }

  private construct(type: Type<unknown>, path: readonly Token[]): unknown {
    const types = (Reflect.getMetadata('design:paramtypes', type) ?? []) as Token[];
    const declared = (Reflect.getMetadata('self:paramtypes', type) ?? []) as {
      index: number;
      param: Token;
    }[];
    const tokens = types.map(
      (paramType, index) => declared.find((d) => d.index === index)?.param ?? paramType,
    );
    return new type(...tokens.map((dep) => this.resolve(dep, path)));
  }
}

function name(token: Token): string {
  return typeof token === 'function' ? token.name : String(token);
}
