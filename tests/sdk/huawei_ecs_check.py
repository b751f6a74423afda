"""Drives the task-envelope demo server with Huawei Cloud's official ECS SDK.

Usage: huawei_ecs_check.py http://127.0.0.1:PORT (see README.md beside it)
The demo server ignores the AK/SK signature; the keys below are dummies.
"""
import sys
import time
from importlib.metadata import version

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkecs.v2 import (
    BatchRebootServersRequest, BatchRebootServersRequestBody, BatchRebootSeversOption,
    BatchStartServersOption, BatchStartServersRequest, BatchStartServersRequestBody,
    BatchStopServersOption, BatchStopServersRequest, BatchStopServersRequestBody,
    EcsClient, ServerId, ShowJobRequest,
)

print(f"huaweicloudsdkecs {version('huaweicloudsdkecs')}, huaweicloudsdkcore {version('huaweicloudsdkcore')}")
endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
client = (EcsClient.new_builder()
          .with_credentials(BasicCredentials("DEMO_AK", "DEMO_SK", "demo-project"))
          .with_endpoints([endpoint])
          .build())


def wait(job_id):
    polls = 0
    while True:
        polls += 1
        job = client.show_job(ShowJobRequest(job_id=job_id))
        print(f"  show_job poll {polls}: status={job.status}")
        if job.status in ("SUCCESS", "FAIL"):
            return job
        time.sleep(0.01)


def servers(*ids):
    return [ServerId(id=i) for i in ids]


print("== batch_start_servers srv-1, locked-2")
started = client.batch_start_servers(BatchStartServersRequest(
    body=BatchStartServersRequestBody(os_start=BatchStartServersOption(
        servers=servers("srv-1", "locked-2")))))
print(f"  job_id={started.job_id} http_status={started.status_code}")
job = wait(started.job_id)
print(f"  job error_code={job.error_code} fail_reason={job.fail_reason!r}"
      f" sub_jobs_total={job.entities.sub_jobs_total}")
for sub in job.entities.sub_jobs:
    print(f"  sub-job server_id={sub.entities.server_id} status={sub.status}"
          f" error_code={sub.error_code} fail_reason={sub.fail_reason!r}"
          f" errorcode_message={sub.entities.errorcode_message!r}")

print("== batch_stop_servers srv-1 (SOFT)")
stopped = client.batch_stop_servers(BatchStopServersRequest(
    body=BatchStopServersRequestBody(os_stop=BatchStopServersOption(
        servers=servers("srv-1"), type="SOFT"))))
print(f"  final status={wait(stopped.job_id).status}")

print("== batch_reboot_servers srv-1, srv-3 (SOFT)")
rebooted = client.batch_reboot_servers(BatchRebootServersRequest(
    body=BatchRebootServersRequestBody(reboot=BatchRebootSeversOption(
        servers=servers("srv-1", "srv-3"), type="SOFT"))))
print(f"  final status={wait(rebooted.job_id).status}")

for title, call in [
    ("batch_start_servers with no servers", lambda: client.batch_start_servers(
        BatchStartServersRequest(body=BatchStartServersRequestBody(
            os_start=BatchStartServersOption(servers=[]))))),
    ("show_job of an unknown job", lambda: client.show_job(ShowJobRequest(job_id="no-such-job"))),
]:
    print(f"== {title}")
    try:
        call()
        print("  no exception (unexpected)")
    except ClientRequestException as e:
        print(f"  {type(e).__name__}: status_code={e.status_code} error_code={e.error_code}"
              f" error_msg={e.error_msg!r} request_id={e.request_id}")
