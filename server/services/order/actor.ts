/** Who is acting: a signed-in person, or the system (a channel, a job). */
import type { SessionUser } from "@/server/auth/options";

export type Actor = { kind: "user"; user: SessionUser } | { kind: "system"; label: string };

export function userActor(user: SessionUser): Actor {
  return { kind: "user", user };
}

export function systemActor(label: string): Actor {
  return { kind: "system", label };
}

export function actorFields(actor: Actor): { actorId: string | null; actorLabel: string } {
  return actor.kind === "user" ? { actorId: actor.user.id, actorLabel: actor.user.name } : { actorId: null, actorLabel: actor.label };
}
