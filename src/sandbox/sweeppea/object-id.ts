let sequence = 0;

/** A Mongo-style ObjectId, as Sweeppea's ids are: seconds then a counter, unique within the process. */
export function objectId(): string {
  sequence += 1;
  return (
    Math.floor(Date.now() / 1000)
      .toString(16)
      .padStart(8, '0') + sequence.toString(16).padStart(16, '0')
  );
}
