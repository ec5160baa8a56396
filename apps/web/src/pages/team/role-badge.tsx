import type { Role } from '@tenure/contract';
import { Badge } from '../../components/badge';
import { ROLE_DESCRIPTION, ROLE_LABEL, ROLE_TONE } from './roles';

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={ROLE_TONE[role]} title={ROLE_DESCRIPTION[role]}>
      {ROLE_LABEL[role]}
    </Badge>
  );
}
