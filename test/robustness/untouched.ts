// Files that no mutation touches. They live in their own folder and namespace, with image names no
// fixture uses, so a mutated neighbour cannot legitimately change what is reported about them.
export const UNTOUCHED_DIR = 'zz-untouched';

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: rb-untouched-ledger
  labels: { app: ledger }
spec:
  replicas: 1
  selector:
    matchLabels: { app: ledger }
  template:
    metadata:
      labels: { app: ledger }
    spec:
      containers:
        - name: ledger
          image: registry.untouched.example/ledger/api:latest
          ports: [{ name: http, containerPort: 8080 }]
          env:
            - name: DATABASE_URL
              value: postgres://ledger@localhost:5432/ledger
            - name: DEBUG
              value: "true"
          livenessProbe: { httpGet: { path: /healthz, port: htttp } }
---
apiVersion: v1
kind: Service
metadata:
  name: ledger
  namespace: rb-untouched-ledger
spec:
  selector: { app: ledgr }
  ports: [{ name: http, port: 80, targetPort: http }]
`;

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ledger-settings
  namespace: rb-untouched-ledger
data:
  MOCK_PAYMENTS: "true"
  REPORTS_URL: http://reports.rb-untouched-other.svc.cluster.local:8080
`;

const DOCKERFILE = `FROM python:latest
WORKDIR /srv
COPY . .
CMD ["python", "-m", "ledger"]
`;

const ENV = `LEDGER_DB=postgres://ledger:s3cr3t-p4ss@localhost/ledger?sslmode=disable
AUTH_DISABLED=true
`;

export const UNTOUCHED: Record<string, string> = {
  [`${UNTOUCHED_DIR}/k8s/ledger.yaml`]: API,
  [`${UNTOUCHED_DIR}/k8s/settings.yml`]: CONFIG,
  [`${UNTOUCHED_DIR}/ledger/Dockerfile`]: DOCKERFILE,
  [`${UNTOUCHED_DIR}/ledger/.env`]: ENV,
};
