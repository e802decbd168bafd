import { builder } from './builder.js';
import './enums.js';
import './person.js';
import './attachment.js';
import './note.js';
import './reply.js';
import './node.js';
import './ticket.js';
import './provider-info.js';

export const schema = builder.toSchema({ sortSchema: true });
