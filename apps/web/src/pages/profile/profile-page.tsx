/** The signed-in user's own account: name, password, sessions. */
import { PageHeader } from '../../components/page-header';
import { NameCard } from './name-card';
import { PasswordCard } from './password-card';
import { SessionsCard } from './sessions-card';

export default function ProfilePage() {
  return (
    <div className="stack profile-page">
      <PageHeader title="Profile" subtitle="Your account, in every workspace you belong to." />
      <NameCard />
      <PasswordCard />
      <SessionsCard />
    </div>
  );
}
