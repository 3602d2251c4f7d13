"""Signal handlers of kim_cms (connected in ``KimCmsConfig.ready``)."""
