import type { ServiceDefinition } from "~/engine/define-service";
import birthRegistration from "./birth-registration";

/** The services this portal offers, in the order the home page lists them. */
export const services: ServiceDefinition[] = [birthRegistration];

export function findService(slug: string): ServiceDefinition | undefined {
  return services.find((service) => service.slug === slug);
}
