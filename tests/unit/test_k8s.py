"""The Kubernetes manifests: valid against the Kubernetes schemas, complete, and production-shaped."""
import copy
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
KUBERNETES = "1.30"
OPERATOR_KINDS = {"RabbitmqCluster": "rabbitmq.com/v1beta1", "MongoDBCommunity": "mongodbcommunity.mongodb.com/v1"}
APPS = ("gateway", "issues", "bookings", "volunteers", "notifications")


def documents():
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return [doc for name in kustomization["resources"] for doc in yaml.safe_load_all((K8S / name).read_text())]


def of_kind(kind):
    return {doc["metadata"]["name"]: doc for doc in documents() if doc["kind"] == kind}


def container(name):
    return of_kind("Deployment")[name]["spec"]["template"]["spec"]["containers"][0]


def env(name):
    return {item["name"]: item.get("value") for item in container(name)["env"]}


def test_kustomization_applies_every_manifest_but_the_secret_example():
    listed = set(yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"])
    present = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secrets.example.yaml"}
    assert listed == present


@pytest.mark.parametrize("doc", [d for d in documents() if d["kind"] not in OPERATOR_KINDS],
                         ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_each_manifest_is_valid_against_the_kubernetes_schema(doc):
    kubernetes_validate.validate(doc, KUBERNETES, strict=True)


def test_the_validator_catches_a_misspelt_field():
    broken = copy.deepcopy(of_kind("Deployment")["issues"])
    broken["spec"]["replcas"] = broken["spec"].pop("replicas")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES, strict=True)


def test_broker_and_store_come_from_their_operators_with_three_members():
    assert of_kind("RabbitmqCluster")["linli-rabbitmq"]["apiVersion"] == OPERATOR_KINDS["RabbitmqCluster"]
    assert of_kind("RabbitmqCluster")["linli-rabbitmq"]["spec"]["replicas"] == 3
    mongo = of_kind("MongoDBCommunity")["linli-mongodb"]
    assert (mongo["apiVersion"], mongo["spec"]["type"], mongo["spec"]["members"]) == \
        (OPERATOR_KINDS["MongoDBCommunity"], "ReplicaSet", 3)


@pytest.mark.parametrize("name", APPS)
def test_each_app_has_probes_limits_a_budget_and_an_autoscaler(name):
    spec = container(name)
    assert spec["livenessProbe"] and spec["readinessProbe"]
    assert spec["resources"]["requests"] and spec["resources"]["limits"]
    assert of_kind("PodDisruptionBudget")[name]["spec"]["minAvailable"] >= 1
    assert of_kind("HorizontalPodAutoscaler")[name]["spec"]["minReplicas"] >= 2
    assert of_kind("Deployment")[name]["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True


@pytest.mark.parametrize("name", APPS)
def test_each_app_uses_its_own_database_and_the_broker(name):
    assert f"/{name}?" in env(name)["MONGODB_URI"]
    assert env(name)["AMQP_URI"].startswith("amqp://")


def test_event_queues_are_quorum_queues_in_the_cluster():
    assert of_kind("ConfigMap")["linli-config"]["data"]["LINLI_QUEUE_TYPE"] == "quorum"


def test_the_gateway_is_reachable_through_the_ingress():
    backend = of_kind("Ingress")["linli"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == "gateway" and "gateway" in of_kind("Service")
