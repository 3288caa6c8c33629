// The gate must stop the build, name the licence, and list exactly the offending dependency.
def log = new File(basedir, 'build.log').readLines()
assert log.any { it.contains('There are some forbidden licenses used') }
assert log.any { it.contains("License: 'Camunda License v1.0' used by 1 dependencies") }
def offenders = log.findAll { it.startsWith(' -') }
assert offenders.size() == 1
assert offenders[0].contains('io.camunda:zeebe-workflow-engine:8.8.9')
return true
