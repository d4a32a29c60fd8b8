import { InputType } from 'type-graphql';
import { declareProfileInputFields } from './profile-metadata.fields';
import type { ProfileUpdate } from './profile.service';

/** Only the fields given are changed; null or "" clears a name. Every field comes from the shape. */
// The fields are declared on the class at runtime, from the shape; the interface of the same name
// gives them their types, so the resolver passes the input on without a cast.
@InputType({ description: 'Changes to the caller\'s own profile. Omitted fields stay as they are.' })
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class UpdateProfileInput {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface UpdateProfileInput extends ProfileUpdate {}

declareProfileInputFields(UpdateProfileInput);
