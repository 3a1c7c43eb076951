import { z } from 'zod';
import { ROLES } from '../roles';

const password = z.string().min(12, 'at least 12 characters').max(1024);
const id = z.string().min(1).max(128);

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teams: z.array(z.object({ teamId: z.string(), name: z.string(), isManager: z.boolean() })),
});
export const MemberList = z.object({ members: z.array(Member) });
export const RoleChange = z.object({ role: z.enum(ROLES) });
export const UserIdParam = z.object({ userId: id });

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  costCentre: z.string().nullable(),
});
export const TeamList = z.object({ teams: z.array(Team) });
export const TeamCreate = z.object({
  name: z.string().trim().min(1).max(100),
  costCentre: z.string().trim().max(50).optional(),
});
export const TeamMemberParams = z.object({ teamId: id, userId: id });
export const TeamMembership = z.object({ isManager: z.boolean().default(false) });

export const InvitationCreate = z.object({
  email: z.email().max(254),
  role: z.enum(ROLES),
  teamId: id.optional(),
});
export const InvitationAccept = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200),
  password,
});
export const PasswordResetRequest = z.object({ email: z.email().max(254) });
export const PasswordResetConfirm = z.object({ token: z.string().min(20).max(200), password });
export const Accepted = z.object({ accepted: z.literal(true) });
export const Mailbox = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      kind: z.string(),
      subject: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});
