/**
 * STARTER_MANIFEST is the file a new workspace opens with: a small, valid Deployment a
 * learner can apply at once and then change.
 */
export const STARTER_PATH = 'web.yaml';

export const STARTER_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;
