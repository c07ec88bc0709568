"""HTTP plumbing shared by every endpoint: problems, request ids, languages, input safety."""
