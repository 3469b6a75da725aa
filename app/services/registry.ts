import type { ServiceDefinition } from "~/engine/define-service";
import birthRegistration from "./birth-registration";
import childcareSubsidy from "./childcare-subsidy";
import rewardAssistance from "./reward-assistance";
import specialAssistance from "./special-assistance";

/** The services this portal offers, in the order the home page lists them. */
export const services: ServiceDefinition[] = [birthRegistration, rewardAssistance, specialAssistance, childcareSubsidy];

export function findService(slug: string): ServiceDefinition | undefined {
  return services.find((service) => service.slug === slug);
}
