import { Center, Loader } from '@mantine/core';

export const PageLoader = ({ label }: { label: string }) => (
  <Center h="60vh" aria-busy="true" aria-label={label}>
    <Loader />
  </Center>
);
