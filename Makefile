# The one list of commands. `make` alone shows them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
SCRIPTS := deploy/scripts

.PHONY: web help run test stop status setup infra topology seed logs deadletters backup backup-drill bench-scale bench

help: ## show the commands
	@echo "Linli (邻里): make <command>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  %-12s %s\n", $$1, $$2 }'

run: infra web ## set up, start everything in the background, print the URL and demo logins
	@$(SCRIPTS)/platform.sh start

test: infra web ## set up and run every test suite against the real broker and store
	@$(SCRIPTS)/web.sh browser
	@$(SCRIPTS)/test.sh

stop: ## stop the platform, then FerretDB and RabbitMQ if make started them
	@$(SCRIPTS)/platform.sh stop
	@$(SCRIPTS)/ferretdb.sh stop
	@$(SCRIPTS)/rabbitmq.sh stop

status: ## say what is running
	@$(SCRIPTS)/platform.sh status || true
	@$(SCRIPTS)/rabbitmq.sh status || true
	@$(SCRIPTS)/ferretdb.sh status || true

setup: ## create .venv and install the pinned Python dependencies
	@$(SCRIPTS)/setup.sh

infra: setup ## start RabbitMQ and FerretDB (or use AMQP_URI / MONGODB_URI if they answer)
	@$(SCRIPTS)/rabbitmq.sh start
	@$(SCRIPTS)/ferretdb.sh start

topology: infra ## declare every exchange, queue and binding on the broker
	@$(PY) -m services.common.topology

web: ## build the four front ends into web/dist (npm; skipped when web/ is unchanged)
	@$(SCRIPTS)/web.sh build

seed: topology ## load the demo community 未来街区 and its demo accounts
	@$(PY) -m gateway.seed

seed-space: ## after make run: the demo 37° space, life-circle places and a wall shop's coupon (idempotent)
	@$(PY) -m services.bookings.seed

logs: ## follow the platform's log (all five processes)
	@tail -n 100 -F .state/logs/platform.log

backup: setup ## dump every service's database to backups/<time>/ (local store; compose: see deploy/README.md)
	@$(PY) -m deploy.backup.dump dump backups/$$(date -u +%Y%m%dT%H%M%SZ)

backup-drill: infra ## dump, restore into a scratch copy and compare, on the local store
	@$(PY) -m deploy.backup.dump drill

bench-scale: infra ## measure event throughput of notifications with 1, 2 and 3 replicas (docs/scaling.md)
	@$(PY) -m bench.scale

bench: infra ## case lists, the load benchmark with its ceilings, other lists at scale (docs/benchmarks.md; LOAD=--quick)
	@$(PY) -m bench.cases
	@$(PY) -m bench.load $(LOAD)
	@$(PY) -m bench.load.datascale $(SCALE)

deadletters: setup ## list the events that failed every retry
	@$(PY) -m services.common.deadletters list

.PHONY: chaos
chaos: setup ## faults under load on a private broker and store, then the reconciliation table (docs/chaos.md)
	@$(SCRIPTS)/ferretdb.sh build
	@$(PY) -m bench.chaos --write
