// Topic naming: wcc.<producer context>.<name>.v<n>. A consumer that cannot accept a
// message parks it on the topic's dead-letter twin.
export const topicNamePattern = /^wcc\.[a-z][a-z-]*\.[a-z][a-z-]*\.v[1-9][0-9]*$/;

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlt`;
}
