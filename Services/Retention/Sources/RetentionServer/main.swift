// clm-retention: churn warning, retention campaigns, contact tasks and ROI (流失预警与挽回).
import RetentionService
import ServiceRuntime

await ServiceHost.main(RetentionService.definition)
